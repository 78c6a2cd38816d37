"""A python3-grpcio health check of one host: prints the status of a service (default: the overall ""). Usage: health_check.py HOST:PORT [SERVICE]."""
import sys

import grpc

from grpc_health.v1 import health_pb2, health_pb2_grpc

channel = grpc.insecure_channel(sys.argv[1])
grpc.channel_ready_future(channel).result(timeout=30)
response = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=sys.argv[2] if len(sys.argv) > 2 else ""), timeout=10)
print(health_pb2.HealthCheckResponse.ServingStatus.Name(response.status))
