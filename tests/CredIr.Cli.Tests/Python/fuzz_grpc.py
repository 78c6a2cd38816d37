"""A seeded fuzzer for every method of every credir.v1 service, from Debian's python3-grpcio.

Usage: fuzz_grpc.py HOST:PORT SEED CALLS SECONDS (stubs of protos/credir/v1 and grpc_health on PYTHONPATH).
Sends random bytes, random messages (out-of-range times, unknown enums, huge and control-character strings,
long repeated fields), mutated serialized messages, 1 ms deadlines and cancelled calls, CALLS in all or until
SECONDS pass. Then reads back and reports every stored incident, and asks health. Prints one JSON object:
counts per method and status, and the problems found (UNKNOWN/INTERNAL/DATA_LOSS, a status message over
1 KiB, UNAVAILABLE from GOAWAY, a stored incident that cannot be read or reported, health not SERVING).
"""
import concurrent.futures
import importlib
import json
import random
import sys
import threading
import time
from collections import Counter, defaultdict

import grpc
from google.protobuf import descriptor as d
from google.protobuf import symbol_database

from grpc_health.v1 import health_pb2, health_pb2_grpc

SERVICES = ["identification", "containment", "eradication", "recovery", "incidents"]
FAILING = {"UNKNOWN", "INTERNAL", "DATA_LOSS"}
OPTIONS = [("grpc.max_receive_message_length", 64 * 1024 * 1024), ("grpc.max_send_message_length", 64 * 1024 * 1024)]
MAX_DETAILS = 1024
METADATA = [("x-credir-caller", "fuzzer")]


def methods():
    found = []
    for name in SERVICES:
        module = importlib.import_module(f"credir.v1.{name}_pb2")
        importlib.import_module(f"credir.v1.{name}_pb2_grpc")
        for service in module.DESCRIPTOR.services_by_name.values():
            for method in service.methods:
                if method.client_streaming:
                    continue
                found.append((f"/{service.full_name}/{method.name}", method))
    return found


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.symbols = symbol_database.Default()
        self.large = 0

    def text(self):
        r = self.rng.random()
        if r < 0.05 and self.large == 0:
            # One large string per request at most: the request stays under the servers' 4 MiB.
            self.large += 1
            return "A" * self.rng.choice([1025, 65537, 300_000])
        if r < 0.15:
            return "".join(chr(self.rng.randrange(0, 32)) for _ in range(self.rng.randrange(1, 8)))
        if r < 0.25:
            return "us-east-1\r\nX-Injected: 1"
        if r < 0.35:
            return self.rng.choice(["AKIAIOSFODNN7EXAMPLE", "ASIAXXXXXXXXXXXXXXXX", "arn:aws:iam::111122223333:user/leaky", "us-east-1", "inc-20260301-120000-00000000", ""])
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_:/ é✓"
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randrange(0, 40)))

    def scalar(self, field):
        t = field.type
        if t == d.FieldDescriptor.TYPE_STRING:
            return self.text()
        if t == d.FieldDescriptor.TYPE_BYTES:
            return bytes(self.rng.randrange(256) for _ in range(self.rng.randrange(0, 20)))
        if t == d.FieldDescriptor.TYPE_BOOL:
            return self.rng.random() < 0.5
        if t == d.FieldDescriptor.TYPE_ENUM:
            values = [v.number for v in field.enum_type.values]
            return self.rng.choice(values) if self.rng.random() < 0.8 else self.rng.choice([-1, 99, 2**31 - 1])
        if t in (d.FieldDescriptor.TYPE_DOUBLE, d.FieldDescriptor.TYPE_FLOAT):
            return self.rng.choice([0.0, -1.0, 1e300, float("nan")])
        if t in (d.FieldDescriptor.TYPE_INT64, d.FieldDescriptor.TYPE_SINT64, d.FieldDescriptor.TYPE_SFIXED64):
            return self.rng.choice([0, 1, -1, 2**63 - 1, -(2**63), self.rng.randrange(-1000, 1000)])
        if t in (d.FieldDescriptor.TYPE_UINT64, d.FieldDescriptor.TYPE_FIXED64):
            return self.rng.choice([0, 1, 2**64 - 1])
        if t in (d.FieldDescriptor.TYPE_UINT32, d.FieldDescriptor.TYPE_FIXED32):
            return self.rng.choice([0, 1, 2**32 - 1])
        return self.rng.choice([0, 1, -1, 2**31 - 1, -(2**31), self.rng.randrange(-1000, 1000)])

    def fill(self, message, depth=0):
        descriptor = message.DESCRIPTOR
        if descriptor.full_name == "google.protobuf.Timestamp":
            message.seconds = self.rng.choice([0, 1_700_000_000, 253_402_300_800, -62_135_596_801, 2**62, self.rng.randrange(-10**10, 10**10)])
            message.nanos = self.rng.choice([0, 1, -1, 999_999_999, 1_000_000_000])
            return message
        if descriptor.full_name == "google.protobuf.Duration":
            message.seconds = self.rng.choice([0, 1, -1, 10**12, 60])
            message.nanos = self.rng.choice([0, -5, 5, 10**9])
            return message
        for field in descriptor.fields:
            if self.rng.random() < 0.4:
                continue
            if field.message_type is not None and field.message_type.GetOptions().map_entry:
                container = getattr(message, field.name)
                value_field = field.message_type.fields_by_name["value"]
                for _ in range(self.rng.randrange(0, 3)):
                    key = self.text()[:50]
                    if value_field.message_type is not None:
                        if depth < 4:
                            self.fill(container[key], depth + 1)
                    else:
                        container[key] = self.scalar(value_field)
                continue
            if field.label == d.FieldDescriptor.LABEL_REPEATED:
                count = self.rng.choice([0, 1, 2, 3]) if self.rng.random() < 0.95 else self.rng.choice([100, 10_000])
                container = getattr(message, field.name)
                for _ in range(count):
                    if field.message_type is not None:
                        # Long lists hold empty messages: their length is what is tested.
                        element = container.add()
                        if depth < 4 and count < 100:
                            self.fill(element, depth + 1)
                    else:
                        container.append("x" if count >= 100 and field.type == d.FieldDescriptor.TYPE_STRING else self.scalar(field))
                continue
            if field.message_type is not None:
                if depth < 4:
                    self.fill(getattr(message, field.name), depth + 1)
                continue
            setattr(message, field.name, self.scalar(field))
        return message

    def request(self, method):
        kind = self.rng.random()
        if kind < 0.15:
            return "random-bytes", bytes(self.rng.randrange(256) for _ in range(self.rng.randrange(0, 64)))
        cls = self.symbols.GetSymbol(method.input_type.full_name)
        self.large = 0
        body = self.fill(cls()).SerializeToString()
        if kind < 0.35 and body:
            mutated = bytearray(body)
            for _ in range(self.rng.randrange(1, 4)):
                mutated[self.rng.randrange(len(mutated))] = self.rng.randrange(256)
            if self.rng.random() < 0.3:
                mutated = mutated[: self.rng.randrange(len(mutated))]
            return "mutated", bytes(mutated)
        return "message", body


def call(channel, path, method, body, mode):
    identity = lambda b: b
    timeout = 0.001 if mode == "deadline-1ms" else 2.0
    try:
        if method.server_streaming:
            stream = channel.unary_stream(path, request_serializer=identity, response_deserializer=identity)(body, timeout=timeout, metadata=METADATA)
            if mode == "cancel":
                stream.cancel()
            for _ in stream:
                pass
        else:
            callable_ = channel.unary_unary(path, request_serializer=identity, response_deserializer=identity)
            future = callable_.future(body, timeout=timeout, metadata=METADATA)
            if mode == "cancel":
                future.cancel()
            future.result()
        return "OK", ""
    except grpc.FutureCancelledError:
        return "CANCELLED", ""
    except grpc.RpcError as e:
        return e.code().name, e.details() or ""


def main():
    target, seed, budget, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    rng = random.Random(seed)
    channel = grpc.insecure_channel(target, options=OPTIONS)
    # Cancelled calls and 1 ms deadlines go on a connection of their own: grpcio 1.51 (grpc/grpc#19655) may send RST_STREAM for a
    # stream it cancelled before sending its HEADERS; Kestrel must treat that as a connection error
    # (RFC 9113 6.4: RST_STREAM on an idle stream) and sends GOAWAY, failing every call on that connection.
    cancel_channel = grpc.insecure_channel(target, options=OPTIONS + [("grpc.use_local_subchannel_pool", 1)])
    grpc.channel_ready_future(channel).result(timeout=30)
    grpc.channel_ready_future(cancel_channel).result(timeout=30)
    all_methods = methods()
    generator = Generator(rng)
    plan = []
    for i in range(budget):
        path, method = all_methods[i % len(all_methods)]
        kind, body = generator.request(method)
        r = rng.random()
        mode = "deadline-1ms" if r < 0.05 else "cancel" if r < 0.12 else "normal"
        plan.append((path, method, kind, body, mode))

    counts = defaultdict(Counter)
    goaway = Counter()
    problems = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    sent = 0

    def run(item):
        path, method, kind, body, mode = item
        if time.monotonic() > deadline:
            return None
        code, details = call(channel if mode == "normal" else cancel_channel, path, method, body, mode)
        with lock:
            counts[path][code] += 1
            if code == "UNAVAILABLE" and "GOAWAY" in details:
                goaway[mode != "normal"] += 1
            bad = code in FAILING or len(details) > MAX_DETAILS or (code == "UNAVAILABLE" and "GOAWAY" in details and mode == "normal")
            if bad and len(problems) < 30:
                problems.append({"method": path, "kind": kind, "mode": mode, "code": code, "details": details[:300], "details_length": len(details)})
        return code

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        for result in pool.map(run, plan):
            if result is not None:
                sent += 1

    # Every stored incident must still read and report.
    from credir.v1 import incidents_pb2, incidents_pb2_grpc
    incidents = incidents_pb2_grpc.IncidentsStub(channel)
    checked = 0
    token = ""
    while True:
        page = incidents.ListIncidents(incidents_pb2.ListIncidentsRequest(page_size=100, page_token=token), timeout=30, metadata=METADATA)
        for incident in page.incidents:
            for name, fn in (
                ("GetIncident", lambda: incidents.GetIncident(incidents_pb2.GetIncidentRequest(incident_id=incident.incident_id), timeout=30, metadata=METADATA)),
                ("GetReport", lambda: incidents.GetReport(incidents_pb2.GetReportRequest(incident_id=incident.incident_id, format=incidents_pb2.REPORT_FORMAT_JSON), timeout=30, metadata=METADATA)),
            ):
                try:
                    fn()
                except grpc.RpcError as e:
                    problems.append({"method": name, "incident": incident.incident_id, "code": e.code().name, "details": (e.details() or "")[:300]})
            checked += 1
        token = page.next_page_token
        if not token:
            break

    health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=10)
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(health.status)
    if status != "SERVING":
        problems.append({"method": "grpc.health.v1.Health/Check", "code": status})

    totals = Counter()
    for per_method in counts.values():
        totals.update(per_method)
    print(json.dumps({
        "seed": seed,
        "calls": sent,
        "methods": len(all_methods),
        "statuses": dict(sorted(totals.items())),
        "per_method": {path: dict(sorted(c.items())) for path, c in sorted(counts.items())},
        "incidents_checked": checked,
        "goaway_on_abandoned_calls_connection": goaway[True],
        "goaway_elsewhere": goaway[False],
        "health": status,
        "problems": problems,
    }))


if __name__ == "__main__":
    main()
