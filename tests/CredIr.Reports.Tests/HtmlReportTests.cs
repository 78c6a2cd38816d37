using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CredIr.Reports.Rendering.Html;
using CredIr.Reports.Tests.Fixtures;

namespace CredIr.Reports.Tests;

public sealed partial class HtmlReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Html_IsWellFormedXhtml()
    {
        var doc = Parse(fixture.Html);

        Assert.Equal("html", doc.Root!.Name.LocalName);
        Assert.Single(doc.Descendants("style"));
        // The whole incident, the actor's activity close up, and the credential graph.
        Assert.Equal(3, doc.Descendants("svg").Count());
    }

    [Fact]
    public void Html_EveryActorAction_AppearsInTheTableAndAsAMarkInTheTimeline()
    {
        var doc = Parse(fixture.Html);
        var table = doc.Descendants("section").Single(s => (string?)s.Attribute("id") == "actor-actions").Value;
        var timeline = doc.Descendants("svg").First(s => (string?)s.Attribute("class") == "timeline");
        var marks = timeline.Descendants("circle").Select(c => c.Element("title")!.Value).ToList();

        foreach (var e in SampleEvents.All())
        {
            Assert.Contains(e.EventId, table, StringComparison.Ordinal);
            Assert.Contains(e.EventName, table, StringComparison.Ordinal);
            Assert.Contains(marks, m => m.Contains($"{e.EventName} ({e.EventId})", StringComparison.Ordinal));
        }

        // One mark per category of each call: e-04 is identity persistence and creation.
        Assert.Equal(SampleEvents.All().Sum(e => Math.Max(e.Categories.Count, 1)), marks.Count);
        var closeUp = Parse(fixture.Html).Descendants("svg").Where(s => (string?)s.Attribute("class") == "timeline").ElementAt(1);
        Assert.Equal(marks.Count, closeUp.Descendants("circle").Count());
        var milestoneLabels = timeline.Descendants("text").Where(t => (string?)t.Attribute("class") == "milestone").Select(t => t.Value).ToList();
        Assert.Equal(6, milestoneLabels.Count);
        Assert.Contains(milestoneLabels, l => l.StartsWith("contained 11-20 10:52", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_EveryResponseStep_AppearsWithApproverAndResult()
    {
        var response = Parse(fixture.Html).Descendants("section").Single(s => (string?)s.Attribute("id") == "response").Value;
        var incident = fixture.Input.Incident;

        foreach (var step in incident.Plans.SelectMany(p => p.Steps).Concat(incident.RecoveryItems.SelectMany(r => r.Steps)))
        {
            Assert.Contains(step.StepId, response, StringComparison.Ordinal);
            Assert.Contains(step.Action, response, StringComparison.Ordinal);
        }

        Assert.Contains(SampleIncident.FailedStepMessage, response, StringComparison.Ordinal);
        Assert.Contains(SampleIncident.Approver, response, StringComparison.Ordinal);
        Assert.Contains($"policy {SampleIncident.AutoPolicy}", response, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_CredentialGraph_DrawsAnArrowPerDerivedCredential()
    {
        var graph = Parse(fixture.Html).Descendants("svg").Single(s => (string?)s.Attribute("class") == "graph");

        var arrows = graph.Descendants("path").Where(p => p.Attribute("marker-end") is not null).Select(p => p.Element("title")!.Value).ToList();
        Assert.Equal(["CreateAccessKey (e-05)", "AssumeRole (e-06)"], arrows);
        Assert.Equal(3, graph.Descendants("rect").Count());
    }

    [Fact]
    public void Html_HostileUserAgent_IsTextNotMarkup()
    {
        Assert.DoesNotContain("<script", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", fixture.Html, StringComparison.Ordinal);
        Assert.Contains(Parse(fixture.Html).Descendants("td"), td => td.Value == SampleEvents.HostileAgent);
    }

    [Fact]
    public void Html_IsSelfContained_NoScriptNoExternalReference()
    {
        Assert.DoesNotMatch(ExternalReference(), fixture.Html);
        Assert.DoesNotContain("url(http", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Parse(fixture.Html).Descendants(), e => e.Name.LocalName is "script" or "img" or "link" or "iframe" or "object");
        Assert.Contains("default-src 'none'", fixture.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_PlantedSecrets_AreRedactedInTheRawRecords()
    {
        foreach (var secret in ReportFixture.PlantedSecrets)
        {
            Assert.DoesNotContain(secret, fixture.Html, StringComparison.Ordinal);
        }

        var raw = Parse(fixture.Html).Descendants("section").Single(s => (string?)s.Attribute("id") == "raw-records");
        Assert.Equal(SampleEvents.All().Count, raw.Elements("details").Count());
        Assert.Contains("[redacted]", raw.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ControlCharactersAndQuotes_StayValidXmlAndInert()
    {
        var encoded = HtmlText.Encode("a\u0001\"'<b>&");

        Assert.Equal("a\uFFFD&quot;&#39;&lt;b&gt;&amp;", encoded);
        XElement.Parse($"<td title=\"{encoded}\">{encoded}</td>");
    }

    internal static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
