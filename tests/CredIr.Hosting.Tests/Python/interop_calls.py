"""Calls a CredIr gRPC host from python3-grpcio (an independent client with its own C core) and
prints one JSON object with what it saw. Usage: interop_calls.py HOST:PORT (stubs on PYTHONPATH)."""
import json
import sys
import threading

import grpc
from google.protobuf import descriptor_pb2

from credir.test.v1 import echo_pb2, echo_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

TIMEOUT = 10


def error(e):
    return {"code": e.code().name, "details": e.details()}


def attempt(fn):
    try:
        return {"ok": fn()}
    except grpc.RpcError as e:
        return {"error": error(e)}


def main():
    target = sys.argv[1]
    options = [("grpc.max_send_message_length", 64 * 1024 * 1024), ("grpc.max_receive_message_length", 64 * 1024 * 1024)]
    channel = grpc.insecure_channel(target, options=options)
    echo = echo_pb2_grpc.EchoStub(channel)
    out = {}

    reply, call = echo.Say.with_call(
        echo_pb2.EchoRequest(text="hello"),
        timeout=TIMEOUT,
        metadata=[("x-request-id", "req-1"), ("authorization", "Bearer test-token"), ("x-trace-bin", b"\x00\x01\xfe\xff")],
    )
    out["unary"] = {
        "text": reply.text,
        "headers": dict(reply.headers),
        "initial_metadata": {k: (v if isinstance(v, str) else v.hex()) for k, v in call.initial_metadata()},
        "trailing_metadata": {k: (v if isinstance(v, str) else v.hex()) for k, v in call.trailing_metadata()},
        "code": call.code().name,
    }

    out["server_streaming"] = [[r.index, r.text] for r in echo.Count(echo_pb2.EchoRequest(text="n", count=5), timeout=TIMEOUT)]
    out["client_streaming"] = echo.Collect(iter([echo_pb2.EchoRequest(text=t) for t in "abc"]), timeout=TIMEOUT).text
    out["bidi"] = [r.text for r in echo.Chat(iter([echo_pb2.EchoRequest(text=t) for t in ["x", "y", "z"]]), timeout=TIMEOUT)]
    out["gzip"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(text="squeezed", payload=b"a" * 100000), timeout=TIMEOUT, compression=grpc.Compression.Gzip).payload_size)

    out["status"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(fail_with=grpc.StatusCode.FAILED_PRECONDITION.value[0]), timeout=TIMEOUT).text)
    out["crash"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(crash=True), timeout=TIMEOUT).text)
    out["deadline"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(hang=True), timeout=0.5).text)
    out["unimplemented_service"] = attempt(lambda: echo_pb2_grpc.UnhostedStub(channel).Ping(echo_pb2.EchoRequest(), timeout=TIMEOUT).text)
    missing = channel.unary_unary("/credir.test.v1.Echo/Missing", request_serializer=lambda b: b, response_deserializer=lambda b: b)
    out["unimplemented_method"] = attempt(lambda: missing(b"", timeout=TIMEOUT).hex())
    out["oversized"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(payload=b"x" * (5 * 1024 * 1024)), timeout=TIMEOUT).payload_size)
    out["after_oversized"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(text="still here"), timeout=TIMEOUT).text)
    garbage = channel.unary_unary("/credir.test.v1.Echo/Say", request_serializer=lambda b: b, response_deserializer=lambda b: b)
    out["garbage"] = attempt(lambda: garbage(b"\xff\xff\xff\xff\x0f\x12", timeout=TIMEOUT).hex())
    out["garbage_field"] = attempt(lambda: garbage(b"\x0a\x05ab", timeout=TIMEOUT).hex())
    # A call the client cancels once the handler runs (its first reply came back).
    def cancelled_chat():
        done = threading.Event()

        def requests():
            yield echo_pb2.EchoRequest(text="first")
            done.wait(TIMEOUT)

        call = echo.Chat(requests(), timeout=TIMEOUT)
        first = next(call).text
        call.cancel()
        done.set()
        return first
    out["cancelled"] = attempt(cancelled_chat)
    out["after_garbage"] = attempt(lambda: echo.Say(echo_pb2.EchoRequest(text="next"), timeout=TIMEOUT).text)

    health = health_pb2_grpc.HealthStub(channel)
    out["health"] = health_pb2.HealthCheckResponse.ServingStatus.Name(health.Check(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT).status)
    out["health_echo"] = health_pb2.HealthCheckResponse.ServingStatus.Name(health.Check(health_pb2.HealthCheckRequest(service="credir.test.v1.Echo"), timeout=TIMEOUT).status)
    out["health_unknown"] = attempt(lambda: health.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT).status)
    watch = health.Watch(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT)
    out["health_watch_first"] = health_pb2.HealthCheckResponse.ServingStatus.Name(next(watch).status)
    watch.cancel()

    reflection = reflection_pb2_grpc.ServerReflectionStub(channel)
    requests = [
        reflection_pb2.ServerReflectionRequest(list_services=""),
        reflection_pb2.ServerReflectionRequest(file_containing_symbol="credir.test.v1.Echo"),
        reflection_pb2.ServerReflectionRequest(file_containing_symbol="grpc.health.v1.Health"),
        reflection_pb2.ServerReflectionRequest(file_containing_symbol="no.such.Symbol"),
        reflection_pb2.ServerReflectionRequest(file_by_filename="echo.proto"),
    ]
    answers = list(reflection.ServerReflectionInfo(iter(requests), timeout=TIMEOUT))

    def files(answer):
        result = []
        for raw in answer.file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
            result.append({"name": proto.name, "package": proto.package, "services": [s.name for s in proto.service]})
        return result

    out["reflection"] = {
        "services": sorted(s.name for s in answers[0].list_services_response.service),
        "echo_files": files(answers[1]),
        "health_files": files(answers[2]),
        "missing_error": answers[3].error_response.error_code,
        "echo_by_name": files(answers[4]),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
