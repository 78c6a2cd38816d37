"""Calls credir.v1.Incidents through the gateway from python3-grpcio and prints what it saw as JSON.
Usage: gateway_calls.py HOST:PORT RESPONDER_TOKEN (stubs on PYTHONPATH)."""
import json
import sys

import grpc

from credir.v1 import incidents_pb2, incidents_pb2_grpc, identification_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

TIMEOUT = 10


def error(e):
    return {"code": e.code().name, "details": e.details()}


def main():
    target, token = sys.argv[1], sys.argv[2]
    channel = grpc.insecure_channel(target)
    incidents = incidents_pb2_grpc.IncidentsStub(channel)
    auth = [("authorization", "Bearer " + token)]
    out = {}

    opened = incidents.OpenIncident(incidents_pb2.OpenIncidentRequest(
        request_id="py-open-" + str(__import__("uuid").uuid4()), title="python through the gateway",
        input=identification_pb2.IdentificationInput(access_key_id="AKIAIOSFODNN7EXAMPLE")), timeout=TIMEOUT, metadata=auth)
    out["opened"] = {"id": opened.incident_id, "opened_by": opened.opened_by}
    got = incidents.GetIncident(incidents_pb2.GetIncidentRequest(incident_id=opened.incident_id), timeout=TIMEOUT, metadata=auth)
    out["got"] = {"id": got.incident_id, "title": got.title}

    changes = []
    try:
        for change in incidents.WatchIncident(incidents_pb2.WatchIncidentRequest(incident_id=opened.incident_id), timeout=1.5, metadata=auth):
            changes.append(change.version)
        out["watch"] = {"versions": changes, "code": "OK"}
    except grpc.RpcError as e:
        out["watch"] = {"versions": changes, **error(e)}

    try:
        incidents.GetIncident(incidents_pb2.GetIncidentRequest(incident_id="no-such-incident"), timeout=TIMEOUT, metadata=auth)
        out["missing"] = {"code": "OK"}
    except grpc.RpcError as e:
        out["missing"] = error(e)

    try:
        incidents.GetIncident(incidents_pb2.GetIncidentRequest(incident_id=opened.incident_id), timeout=TIMEOUT)
        out["anonymous"] = {"code": "OK"}
    except grpc.RpcError as e:
        out["anonymous"] = error(e)

    health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=TIMEOUT)
    out["health"] = health_pb2.HealthCheckResponse.ServingStatus.Name(health.status)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
