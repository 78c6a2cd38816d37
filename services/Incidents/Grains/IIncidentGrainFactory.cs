namespace CredIr.Incidents.Grains;

/// <summary>Hands out references to incident grains (as Orleans' <c>IGrainFactory.GetGrain</c>).</summary>
public interface IIncidentGrainFactory
{
    IIncidentGrain GetGrain(string incidentId);
}
