using Yarp.ReverseProxy.Transforms.Builder;

namespace CredIr.Gateway.Proxy;

/// <summary>Adds <see cref="UpstreamIdentityTransform"/> to every route, configured or translated.</summary>
internal sealed class GatewayTransforms(UpstreamIdentityTransform identity) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequestTransforms.Add(identity);
    }
}
