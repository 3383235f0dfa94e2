#!/usr/bin/env python3
"""Save-to-reload latency of `rapporteur serve`: the time from saving a chapter (written to a
temporary file and renamed over the old one, as editors do) to the reload message reaching an
open page's WebSocket.

    python3 Benchmarks/serve_latency.py [--project DIR] [--chapter content/en/04-plenary.md] [--saves 15]

The project is copied to a temporary folder first; the release binary is .build-bench's
(`swift build -c release --scratch-path .build-bench`). Prints each latency and the median.
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def websocket(port):
    """Opens the reload socket with a minimal client handshake; returns the socket."""
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /__rapporteur/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                  f"Origin: http://127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)
    if b" 101 " not in response.split(b"\r\n")[0]:
        raise SystemExit(f"no WebSocket: {response!r}")
    return sock


def read_exact(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise SystemExit("socket closed")
        data += chunk
    return data


def next_message(sock):
    """The next text frame's payload (server frames are not masked)."""
    while True:
        first, second = read_exact(sock, 2)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(read_exact(sock, 2), "big")
        elif length == 127:
            length = int.from_bytes(read_exact(sock, 8), "big")
        payload = read_exact(sock, length)
        if first & 0x0F == 1:
            return json.loads(payload)


def measure(binary, project, chapter, saves):
    """Copies `project`, serves it, saves `chapter` `saves` times; returns the latencies in ms."""
    work = Path(tempfile.mkdtemp(prefix="rapporteur-latency-"))
    for folder in ["content", "Templates"]:
        if (project / folder).exists():
            shutil.copytree(project / folder, work / folder)
    server = subprocess.Popen([str(binary), "serve", "--port", "0"], cwd=work, stdout=subprocess.PIPE, text=True)
    try:
        port = None
        while port is None:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("serve stopped")
            match = re.search(r"\(port (\d+)\)", line)
            port = int(match.group(1)) if match else None
        sock = websocket(port)
        current = next_message(sock)["build"]
        path = work / chapter
        original = path.read_text()
        latencies = []
        for save in range(saves):
            time.sleep(0.3)
            temporary = path.with_name("." + path.name + ".swp")
            temporary.write_text(original + f"\nEdit {save}.\n")
            started = time.perf_counter()
            os.rename(temporary, path)
            while True:
                message = next_message(sock)
                if message.get("build") and message["build"] != current and not message.get("errors"):
                    current = message["build"]
                    break
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--chapter", default="content/en/04-plenary.md")
    parser.add_argument("--saves", type=int, default=15)
    args = parser.parse_args()
    latencies = measure(REPO / ".build-bench/release/rapporteur", args.project, args.chapter, args.saves)
    print("save -> reload (ms): " + " ".join(f"{value:.0f}" for value in latencies))
    print(f"median {statistics.median(latencies):.0f} ms over {len(latencies)} saves")


if __name__ == "__main__":
    main()
