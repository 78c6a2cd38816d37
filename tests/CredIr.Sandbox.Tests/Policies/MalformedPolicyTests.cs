using CredIr.Sandbox.Iam.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class MalformedPolicyTests
{
    [Theory]
    [InlineData("", "Syntax errors in policy. The policy document is empty.")]
    [InlineData("{\"Version\":\"2012-10-17\"\n  \"Statement\":[]}", "Syntax errors in policy. The document is not valid JSON (line 2, position 3).")]
    [InlineData("[]", "Syntax errors in policy. A policy document is a JSON object with Version and Statement.")]
    [InlineData("""{"Version":"2012-10-17"}""", "Missing required field Statement")]
    [InlineData("""{"Version":"2012-10-18","Statement":[]}""", "Syntax errors in policy. Version must be \"2012-10-17\" or \"2008-10-17\", not \"2012-10-18\".")]
    [InlineData("""{"Version":"2012-10-17","Statement":[],"Extra":1}""", "Syntax errors in policy. Unknown field Extra; a policy document has Version, Id and Statement.")]
    [InlineData("""{"Version":"2012-10-17","Statement":"Allow"}""", "Syntax errors in policy. Statement must be an object or an array of objects.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Action":"*","Resource":"*"}]}""", "Missing required field Effect")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}""", "Invalid effect: allow. Effect must be \"Allow\" or \"Deny\".")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}""", "Policy statement must contain actions.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}""", "Policy statement must contain actions.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}""", "Policy statement must contain resources.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"CreateUser","Resource":"*"}]}""", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (Action \"CreateUser\" in statement 1)")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"user/bob"}]}""", "Resource user/bob must be in ARN format or \"*\".")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}]}""", "Policy document should not specify a principal.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","NotAction":"iam:*","Resource":"*"}]}""", "Syntax errors in policy. Statement 1 has both Action and NotAction; use one.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Actions":"*"}]}""", "Syntax errors in policy. Unknown field Actions in statement 1.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]}""", "Syntax errors in policy. Field Effect appears twice in statement 1.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":1,"Resource":"*"}]}""", "Syntax errors in policy. Action in statement 1 must be a string or an array of strings, not 1.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"a","Effect":"Deny","Action":"*","Resource":"*"}]}""", "Statement IDs (SID) in a single policy must be unique (\"a\" appears twice).")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Sid":"no spaces","Effect":"Allow","Action":"*","Resource":"*"}]}""", "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]* (got \"no spaces\").")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"a"}}}]}""", "Syntax errors in policy. Unknown condition operator StringEqualz in statement 1.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"aws:username":"true"}}}]}""", "Syntax errors in policy. Unknown condition operator NullIfExists in statement 1.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"username":"a"}}}]}""", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (condition key \"username\" in statement 1)")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":[]}}}]}""", "Syntax errors in policy. Condition StringEquals on aws:username in statement 1 has no values.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":null}}}]}""", "Syntax errors in policy. Condition StringEquals in statement 1 must be a string or an array of strings, not null.")]
    public void IdentityPolicy_Malformed_IsRefusedWithWhatIsWrong(string json, string message)
    {
        var error = Assert.Throws<MalformedPolicyDocumentException>(() => PolicyDocument.Parse(json));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}""", "Missing required field Principal")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole","Resource":"*"}]}""", "Has prohibited field Resource")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"sts:AssumeRole"}]}""", "Invalid principal in policy: \"AWS\":\"bob\"")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1111:root"},"Action":"sts:AssumeRole"}]}""", "Invalid principal in policy: \"AWS\":\"arn:aws:iam::1111:root\"")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Users":"x"},"Action":"sts:AssumeRole"}]}""", "Invalid principal in policy: \"Users\" (principal types are AWS, Service, Federated and CanonicalUser)")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"alice","Action":"sts:AssumeRole"}]}""", "Invalid principal in policy: \"alice\" (use \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"})")]
    public void TrustPolicy_Malformed_IsRefusedWithWhatIsWrong(string json, string message)
    {
        var error = Assert.Throws<MalformedPolicyDocumentException>(() => PolicyDocument.Parse(json, PolicyDocumentKind.Trust));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void TryParse_ReportsTheErrorInsteadOfThrowing()
    {
        var ok = PolicyDocument.TryParse("""{"Statement":{"Effect":"Allow","Action":"*"}}""", PolicyDocumentKind.Identity, out var document, out var error);

        Assert.False(ok);
        Assert.Null(document);
        Assert.Equal("Policy statement must contain resources.", error);
    }

    [Fact]
    public void StringsOrArrays_AreAcceptedWhereverIamAllowsEither()
    {
        var document = PolicyDocument.Parse("""
            {
              "Version": "2012-10-17",
              "Id": "mixed",
              "Statement": {
                "Sid": "One",
                "Effect": "Allow",
                "Principal": {"AWS": ["111122223333", "arn:aws:sts::111122223333:assumed-role/Ops/s"], "Service": "ec2.amazonaws.com"},
                "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": "arn:aws:s3:::bucket/*",
                "Condition": {"NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true}}
              }
            }
            """, PolicyDocumentKind.Resource);

        var statement = Assert.Single(document.Statements);
        Assert.Equal(("2012-10-17", "mixed", "One", PolicyEffect.Allow), (document.Version, document.Id, statement.Sid, statement.Effect));
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], statement.Actions);
        Assert.Equal(["arn:aws:s3:::bucket/*"], statement.Resources);
        Assert.Equal([("NumericLessThan", "s3:max-keys"), ("Bool", "aws:SecureTransport")], statement.Conditions);
    }

    [Fact]
    public void MissingVersion_MeansTheLegacyVersion()
    {
        var document = PolicyDocument.Parse("""{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""");

        Assert.Equal("2008-10-17", document.Version);
    }

    [Fact]
    public void ServiceControlPolicy_RefusesAPrincipal()
    {
        var error = Assert.Throws<MalformedPolicyDocumentException>(() => PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}""", PolicyDocumentKind.ServiceControl));

        Assert.Equal("Policy document should not specify a principal.", error.Message);
    }
}
