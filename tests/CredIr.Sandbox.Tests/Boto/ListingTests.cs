using System.Text.Json;

namespace CredIr.Sandbox.Tests.Boto;

[Collection(FidelityCollection.Name)]
public sealed class ListingTests(FidelityFixture fixture)
{
    private JsonElement Listing => fixture.Result.GetProperty("listing");

    private List<string> Strings(string name) => [.. Listing.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void IamListsWithPathPrefix_ReturnOnlyEntitiesUnderThatPath()
    {
        Assert.Equal(["ops-runner"], Strings("users"));
        Assert.True(Listing.GetProperty("allUsers").GetInt32() > 1);
        Assert.Equal(["ops-role"], Strings("roles"));
        Assert.Equal(["ops-policy"], Strings("policies"));
        Assert.Equal("ValidationError", Listing.GetProperty("badPrefix").GetProperty("code").GetString());
    }

    [Fact]
    public void LambdaListFunctionsWithMaxItems_PagesWithNextMarker()
    {
        Assert.Equal(["fn-a", "fn-b"], Strings("firstPage"));
        Assert.Equal(["fn-c"], Strings("secondPage"));
        Assert.Equal(JsonValueKind.Null, Listing.GetProperty("secondMarker").ValueKind);
        Assert.Equal(["fn-a", "fn-b", "fn-c"], Strings("paginated"));
        Assert.Equal("InvalidParameterValueException", Listing.GetProperty("badMarker").GetProperty("code").GetString());
    }
}
