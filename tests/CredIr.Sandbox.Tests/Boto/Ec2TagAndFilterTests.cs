using System.Text.Json;

namespace CredIr.Sandbox.Tests.Boto;

[Collection(FidelityCollection.Name)]
public sealed class Ec2TagAndFilterTests(FidelityFixture fixture)
{
    private JsonElement Ec2 => fixture.Result.GetProperty("ec2");

    private string WebId => Ec2.GetProperty("webId").GetString()!;

    private List<string> RedIds => Strings("redIds");

    private List<string> Strings(string name) => [.. Ec2.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void RunInstancesWithInstanceTagSpecification_TagsTheInstance_AndReturnsThem()
    {
        Assert.Equal(["Name=web-1", "team=blue"], Strings("runTags"));
    }

    [Fact]
    public void DescribeInstancesFilters_SelectByTagTagKeyProfileTypeStateAndId()
    {
        Assert.Equal([WebId], Strings("byTag"));
        Assert.Equal([WebId], Strings("byTagKey"));
        Assert.Equal([WebId], Strings("byProfile"));
        Assert.Equal(RedIds.Order(StringComparer.Ordinal), Strings("byType"));
        Assert.Equal(RedIds.Skip(1).Order(StringComparer.Ordinal), Strings("runningRed"));
        Assert.Equal(new[] { WebId, RedIds[1] }.Order(StringComparer.Ordinal), Strings("byId"));
        Assert.Equal([RedIds[1]], Strings("byIdAndFilter"));
    }

    [Fact]
    public void DescribeInstancesWithMaxResults_PagesWithNextToken()
    {
        Assert.Equal([5, 1], Ec2.GetProperty("pages").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void DescribeInstances_RefusesUnknownFiltersAndIdsWithMaxResults_AsEc2Does()
    {
        Assert.Equal("InvalidParameterValue", Ec2.GetProperty("badFilter").GetProperty("code").GetString());
        Assert.Equal("InvalidParameterCombination", Ec2.GetProperty("idsWithMax").GetProperty("code").GetString());
    }

    [Fact]
    public void CreateTagsThenDeleteTags_ChangeTheInstancesTags_AndDescribeTagsListsThem()
    {
        Assert.Equal([$"{WebId}:instance:Name=web-1", $"{WebId}:instance:backdoor=yes", $"{WebId}:instance:team=blue"], Strings("describeTags"));
        Assert.Equal(["Name=web-1", "team=blue"], Strings("afterDelete"));
    }

    [Fact]
    public void TagCalls_AreRecordedWithTheirTagSets_AsCloudTrailWritesThem()
    {
        var events = fixture.Sandbox.Trail.All(fixture.ProdAccountId);
        var run = events.Last(e => e.EventName == "RunInstances" && e.Region == "us-east-2");
        using var runRecord = JsonDocument.Parse(run.Json);
        var spec = runRecord.RootElement.GetProperty("requestParameters").GetProperty("tagSpecificationSet").GetProperty("items")[0];
        Assert.Equal("instance", spec.GetProperty("resourceType").GetString());
        Assert.Equal("Name", spec.GetProperty("tags")[0].GetProperty("key").GetString());

        using var create = JsonDocument.Parse(events.Single(e => e.EventName == "CreateTags").Json);
        var parameters = create.RootElement.GetProperty("requestParameters");
        Assert.Equal(WebId, parameters.GetProperty("resourcesSet").GetProperty("items")[0].GetProperty("resourceId").GetString());
        Assert.Equal("backdoor", parameters.GetProperty("tagSet").GetProperty("items")[0].GetProperty("key").GetString());
        Assert.Contains(events, e => e.EventName == "DeleteTags");

        var filtered = events.Where(e => e.EventName == "DescribeInstances" && e.Region == "us-east-2")
            .Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("requestParameters").Clone())
            .First(p => p.GetProperty("filterSet").TryGetProperty("items", out _));
        var filter = filtered.GetProperty("filterSet").GetProperty("items")[0];
        Assert.Equal("tag:team", filter.GetProperty("name").GetString());
        Assert.Equal("red", filter.GetProperty("valueSet").GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Equal(5, filtered.GetProperty("maxResults").GetInt32());
    }
}
