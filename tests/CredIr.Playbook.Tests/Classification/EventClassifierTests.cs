using CredIr.Playbook.Classification;
using static CredIr.Playbook.Classification.EventCategories;

namespace CredIr.Playbook.Tests.Classification;

public sealed class EventClassifierTests
{
    private static readonly EventClassifier Classifier = new();

    private static ClassificationContext TrailBucketContext()
    {
        var context = new ClassificationContext();
        context.TrailBuckets.Add("trail-bucket");
        return context;
    }

    [Theory]
    [MemberData(nameof(RuleCases.All), MemberType = typeof(RuleCases))]
    public void RuleExample_IsMatchedByItsRule(string rule, string source, string name, string? request, string? error, bool readOnly)
    {
        var record = Records.Make(source, name, request, error, readOnly);

        var result = Classifier.Classify(record, TrailBucketContext());

        Assert.Contains(rule, result.MatchedRules);
        var categories = DefaultRules.All.Single(r => r.Name == rule).Categories;
        Assert.Equal(categories, result.Categories & categories);
    }

    [Fact]
    public void RulesTable_EveryRuleHasAnExampleAndAUniqueName()
    {
        var names = DefaultRules.All.Select(r => r.Name).ToList();
        var covered = RuleCases.All.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(names.Count, names.Distinct().Count());
        var missing = names.Where(n => !covered.Contains(n)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void RunInstances_WithoutInstanceProfile_IsNotPassRole()
    {
        var result = Classifier.Classify(Records.Make("ec2.amazonaws.com", "RunInstances", """{"instanceType":"t3.micro"}"""));

        Assert.DoesNotContain("PassRoleToInstance", result.MatchedRules);
        Assert.Equal(ResourceCreation | Creation, result.Categories);
    }

    [Fact]
    public void Lifecycle_OnOrdinaryBucket_IsModificationNotEvasion()
    {
        var result = Classifier.Classify(Records.Make("s3.amazonaws.com", "PutBucketLifecycle", """{"bucketName":"photos"}"""), TrailBucketContext());

        Assert.Equal(Modification, result.Categories);
    }

    [Fact]
    public void ReadOnlyImageDescribe_IsReconnaissanceOnly()
    {
        var result = Classifier.Classify(Records.Make("ec2.amazonaws.com", "DescribeImages", null, null, readOnly: true));

        Assert.Equal(Reconnaissance, result.Categories);
        Assert.Equal(["Describe"], result.MatchedRules);
    }

    [Fact]
    public void ParameterRead_WithoutDecryption_IsNotCredentialAccess()
    {
        var result = Classifier.Classify(Records.Make("ssm.amazonaws.com", "GetParameter", """{"name":"a","withDecryption":false}""", null, true));

        Assert.Equal(SensitiveDataAccess, result.Categories);
        Assert.DoesNotContain("DecryptedParameterRead", result.MatchedRules);
    }

    [Theory]
    [InlineData("Create*", "CreateUser", true)]
    [InlineData("Create*", "RecreateUser", false)]
    [InlineData("*Image*", "RegisterImage", true)]
    [InlineData("*Provider", "CreateOpenIDConnectProvider", true)]
    [InlineData("*Provider", "CreateProviderLink", false)]
    [InlineData("Get*Token", "GetSessionToken", true)]
    [InlineData("Get*Token", "GetTokenBalance", false)]
    [InlineData("Attach*Policy", "AttachUserPolicy", true)]
    [InlineData("Attach*Policy", "AttachPolicy", true)]
    [InlineData("A*B*C", "AxxBxxC", true)]
    [InlineData("A*B*C", "AxxCxxB", false)]
    [InlineData("*", "", true)]
    public void Wildcards_MatchAsGlobs(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(value));

    [Fact]
    public async Task EveryDatasetRecord_HasACategory_UnlessItIsAPlainRead()
    {
        var records = await Datasets.ReadAllAsync();

        var unclassified = records
            .Where(r => Classifier.Classify(r).Categories == None && r.ReadOnly != true)
            .Select(r => $"{r.EventSource} {r.EventName}")
            .Distinct()
            .ToList();

        Assert.Empty(unclassified);
    }

    [Fact]
    public async Task SeedKeyDefenseEvasion_InInvictus_IsFlagged()
    {
        // jq over invictus for AKIATFQR7NSC8Q4X20BJ: DeleteTrail x3, StopLogging x3, PutEventSelectors x2,
        // DeleteFlowLogs x1, LeaveOrganization x0 (that one is by a derived session) = 9 successful or failed attempts.
        var records = await Datasets.ReadAllAsync();
        var evasion = records
            .Where(r => r.UserIdentity.AccessKeyId == "AKIATFQR7NSC8Q4X20BJ" && Classifier.Classify(r).Categories.HasFlag(DefenseEvasion))
            .GroupBy(r => r.EventName)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, evasion["DeleteTrail"]);
        Assert.Equal(3, evasion["StopLogging"]);
        Assert.Equal(2, evasion["PutEventSelectors"]);
        Assert.Equal(1, evasion["DeleteFlowLogs"]);
    }
}
