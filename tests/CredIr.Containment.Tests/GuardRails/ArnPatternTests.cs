using CredIr.Containment.GuardRails;

namespace CredIr.Containment.Tests.GuardRails;

public sealed class ArnPatternTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/break-glass", "arn:aws:iam::111122223333:role/break-glass", true)]
    [InlineData("arn:aws:iam::*:role/break-glass*", "arn:aws:iam::444455556666:role/break-glass-2", true)]
    [InlineData("arn:aws:iam::*:role/break-glass*", "arn:aws:iam::444455556666:role/ops/break-glass", false)]
    [InlineData("arn:aws:iam::11112222333?:user/ci-*", "arn:aws:iam::111122223333:user/ci-deployer", true)]
    [InlineData("arn:aws:iam::111122223333:user/ci-*", "arn:aws:iam::111122223333:user/alice", false)]
    [InlineData("arn:aws:iam::111122223333:role/*/responder", "arn:aws:iam::111122223333:role/security/ir/responder", true)]
    public void Pattern_MatchesArnsWithStarAndQuestionMark(string pattern, string arn, bool matches)
    {
        Assert.Equal(matches, new ArnPattern(pattern).Matches(arn));
    }
}
