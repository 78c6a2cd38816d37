using CredIr.Reports.Model;
using CredIr.Reports.Tests.Fixtures;

namespace CredIr.Reports.Tests;

/// <summary>The sample report, built once and rendered in every format.</summary>
public sealed class ReportFixture
{
    public ReportFixture()
    {
        Input = SampleEvidence.Input();
        Report = new ReportBuilder(new FakeTimeProvider(SampleEvidence.GeneratedAt)).Build(Input);
        Json = ReportRenderer.ToJson(Report);
        Markdown = ReportRenderer.ToMarkdown(Report);
        Html = ReportRenderer.ToHtml(Report);
    }

    public ReportInput Input { get; }

    public IncidentReport Report { get; }

    public string Json { get; }

    public string Markdown { get; }

    public string Html { get; }

    /// <summary>Secret values planted in the sample's raw records; none may appear in any output.</summary>
    public static IReadOnlyList<string> PlantedSecrets { get; } = [SampleEvents.PlantedSecret, SampleEvents.PlantedToken, "hunter2-FAKE"];
}
