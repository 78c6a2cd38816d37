using CredIr.Contracts.V1;
using CredIr.Reports.Tests.Fixtures;

namespace CredIr.Reports.Tests;

public sealed class ReportRendererTests
{
    private static readonly ReportBuilder Builder = new(new FakeTimeProvider(SampleEvidence.GeneratedAt));

    [Theory]
    [InlineData(ReportFormat.Json, "application/json; charset=utf-8", "\"schemaVersion\"")]
    [InlineData(ReportFormat.Markdown, "text/markdown; charset=utf-8", "# Post-incident report")]
    [InlineData(ReportFormat.Html, "text/html; charset=utf-8", "<!DOCTYPE html>")]
    public void Render_EachFormat_ReturnsTheGetReportMessageWithItsContentType(ReportFormat format, string contentType, string start)
    {
        var report = ReportRenderer.Render(Builder.Build(SampleEvidence.Input()), format);

        Assert.Equal("inc-2026-0042", report.IncidentId);
        Assert.Equal(format, report.Format);
        Assert.Equal(contentType, report.ContentType);
        Assert.Contains(start, report.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnspecifiedFormat_IsRefusedWithTheChoices()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportRenderer.Render(Builder.Build(SampleEvidence.Input()), ReportFormat.Unspecified));

        Assert.Contains("json, markdown or html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncidentJustOpened_ProducesEveryFormatWithEmptySections()
    {
        var input = new ReportInput(new Incident { IncidentId = "inc-new", Phase = Phase.Opened }, [], [], null);

        var report = Builder.Build(input);
        var html = ReportRenderer.ToHtml(report);

        Assert.Equal("undetermined", report.Summary.Verdict);
        Assert.Null(report.Timeline.Start);
        HtmlReportTests.Parse(html);
        Assert.Contains("No times to draw.", html, StringComparison.Ordinal);
        Assert.Contains("_None._", ReportRenderer.ToMarkdown(report), StringComparison.Ordinal);
        Assert.Contains("\"evidence\"", ReportRenderer.ToJson(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileValuesEverywhere_StayTextInHtmlAndMarkdown()
    {
        const string Hostile = "x\"><img src=x onerror=alert(1)>|]]>&amp;\u0007";
        var input = SampleEvidence.Input();
        var e = input.ActorEvents[0];
        e.UserAgent = Hostile;
        e.EventName = Hostile;
        e.Resources.Add(new ResourceRef { Arn = Hostile, Type = Hostile, Tags = { [Hostile] = Hostile, ["application"] = Hostile } });
        input.Incident.Title = Hostile;
        input.Incident.Plans[0].Steps[0].ResultMessage = Hostile;
        input.Incident.Stakeholders[0].Name = Hostile;

        var report = Builder.Build(input);
        var html = ReportRenderer.ToHtml(report);
        var markdown = ReportRenderer.ToMarkdown(report);

        var doc = HtmlReportTests.Parse(html);
        Assert.DoesNotContain(doc.Descendants(), x => x.Name.LocalName is "img" or "script");
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        var row = markdown.Split('\n').Single(l => l.Contains(" e-01 |", StringComparison.Ordinal));
        Assert.Equal(11, row.Split(" | ").Length);
    }

    [Fact]
    public void Render_ThousandsOfActorCalls_DrawsAMarkForEachAndStaysWellFormed()
    {
        var input = SampleEvidence.Input();
        var categories = Enum.GetValues<EventCategory>().Where(c => c != EventCategory.Unspecified).ToArray();
        var events = Enumerable.Range(0, 2000).Select(i => new TrailEvent
        {
            EventId = $"bulk-{i:D4}",
            EventName = "GetObject",
            EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Times.At(SampleIncident.CompromisedAt).AddMinutes(i * 2)),
            AccessKeyId = SampleEvents.LeakedKey,
            SourceIpAddress = $"203.0.113.{i % 250}",
            Categories = { categories[i % categories.Length] },
        }).ToList();

        var report = Builder.Build(input with { ActorEvents = events });
        var doc = HtmlReportTests.Parse(ReportRenderer.ToHtml(report));

        var overview = doc.Descendants("svg").First(s => (string?)s.Attribute("class") == "timeline");
        Assert.Equal(2000, overview.Descendants("circle").Count());
        Assert.Equal(250, report.Indicators.Count(i => i.Type == "source-ip"));
        Assert.Equal(2000, doc.Descendants("section").Single(s => (string?)s.Attribute("id") == "actor-actions").Descendants("tr").Count() - 1);
    }
}
