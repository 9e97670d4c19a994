"""A Python team's integration test against the UCS reference server, standard library only.

It starts the server with its control API on (`--control`), resets it before each test, forces a
quota error on RegisterClusterGroup, and moves the server clock past a certificate's notAfter to
see the fleet's federation endpoint refuse it. Run from the repository root:

    python3 -m unittest discover -s examples/python-unittest -v

UCS_SERVER_COMMAND replaces the command that starts the server (default: the repository's
sources through tsx), e.g. `npx ucs-server` for the published package.
"""

import base64
import json
import os
import re
import secrets
import select
import shlex
import ssl
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request
from datetime import datetime, timedelta

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_COMMAND = "node --conditions=ucs-source --import tsx packages/server/src/bin/serve.ts"
START_TIMEOUT_S = 120


class Server:
    """The reference server as a child process, on a free port and an in-memory store."""

    def __init__(self):
        self.control_token = "py-" + secrets.token_urlsafe(24)
        command = shlex.split(os.environ.get("UCS_SERVER_COMMAND", DEFAULT_COMMAND))
        args = ["--control", "--port", "0", "--federation-port", "0", "--data-dir", ":memory:", "--federation-delay-ms", "0", "--log-level", "warn"]
        env = dict(os.environ, UCS_CONTROL_TOKEN=self.control_token)
        # Unbuffered, so that select() sees every line the server has written.
        self.process = subprocess.Popen(command + args, cwd=REPO, env=env, stdout=subprocess.PIPE, bufsize=0)
        self.banner = self._read_banner()
        self.url = re.search(r"listening on (\S+)", self.banner).group(1)
        self.token = re.search(r"^  token: (\S+)", self.banner, re.M).group(1)
        self.ready_fleet = re.search(r"^  ready fleet: (\S+)", self.banner, re.M).group(1)

    def _read_banner(self):
        """The banner ends with the line to paste; everything needed is printed before it."""
        lines = []
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 1)
            if not ready:
                continue
            line = self.process.stdout.readline().decode()
            if line == "":
                raise RuntimeError("the server exited before it was ready:\n" + "".join(lines))
            lines.append(line)
            if "Download a kubeconfig" in line:
                return "".join(lines)
        self.stop()
        raise RuntimeError("the server did not start within %d s:\n%s" % (START_TIMEOUT_S, "".join(lines)))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def call(url, method="GET", body=None, headers=None, context=None):
    """One HTTP call: (status, parsed JSON body). HTTP errors are answers too, not exceptions."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30, context=context) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read() or b"null")


def parse_time(text):
    """RFC 3339 as the control API writes it (`2026-12-01T09:41:17.705Z`)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class UcsControlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def control(self, method, path, body=None):
        status, answer = call(self.server.url + "/__control/" + path, method, body, {"X-Control-Token": self.server.control_token})
        self.assertLess(status, 300, answer)
        return answer

    def ucs(self, method, path, body=None):
        return call(self.server.url + path, method, body, {"X-Auth-Token": self.server.token})

    def setUp(self):
        self.control("POST", "reset", {"to": "seed"})
        self.control("DELETE", "requests")

    def test_banner_names_the_control_api_and_its_token(self):
        self.assertIn("control API: %s/__control/" % self.server.url, self.server.banner)
        self.assertIn(self.server.control_token, self.server.banner)

    def test_reset_leaves_nothing_of_before(self):
        status, created = self.ucs("POST", "/v1/clustergroups", {"metadata": {"name": "scratch"}})
        self.assertEqual(status, 201, created)
        self.assertEqual(self.control("POST", "reset", {"to": "seed"}), {"to": "seed", "fleets": 1})
        status, missing = self.ucs("GET", "/v1/clustergroups/" + created["uid"])
        self.assertEqual((status, missing["error_code"]), (404, "UCS.00000013"))

    def test_forced_quota_error_on_register_cluster_group(self):
        planned = self.control("POST", "faults", {"operationId": "RegisterClusterGroup", "status": 400, "code": "UCS.00000017"})
        self.assertEqual((planned["status"], planned["code"], planned["count"]), (400, "UCS.00000017", 1))

        status, error = self.ucs("POST", "/v1/clustergroups", {"metadata": {"name": "one-too-many"}})
        self.assertEqual(status, 400)
        self.assertEqual(error["error_code"], "UCS.00000017")
        # Answered once: the next call creates the fleet.
        status, created = self.ucs("POST", "/v1/clustergroups", {"metadata": {"name": "one-too-many"}})
        self.assertEqual(status, 201, created)

        seen = [(r["operationId"], r["status"], r["errorCode"]) for r in self.control("GET", "requests")["items"]]
        self.assertEqual(seen, [("RegisterClusterGroup", 400, "UCS.00000017"), ("RegisterClusterGroup", 201, None)])

    def test_a_fault_the_contract_does_not_allow_is_refused(self):
        status, error = call(
            self.server.url + "/__control/faults",
            "POST",
            {"operationId": "RegisterClusterGroup", "status": 500, "code": "UCS.00000017"},
            {"X-Control-Token": self.server.control_token},
        )
        self.assertEqual((status, error["error_code"]), (400, "UCS.00000012"))
        self.assertIn("pairs UCS.00000017 with 400", error["error_msg"])
        self.assertEqual(self.control("GET", "faults"), {"items": []})

    def test_federation_endpoint_refuses_a_certificate_past_its_not_after(self):
        status, kubeconfig = self.ucs("POST", "/v1/clustergroups/%s/kubeconfig" % self.server.ready_fleet, {"duration": 1})
        self.assertEqual(status, 201, kubeconfig)
        [issued] = self.control("GET", "certificates")["items"]
        self.assertEqual(issued["fleetId"], self.server.ready_fleet)

        with tempfile.TemporaryDirectory() as directory:
            endpoint = kubeconfig["clusters"][0]["cluster"]["server"].rstrip("/")
            context = tls_context_of(kubeconfig, directory)
            status, version = call(endpoint + "/version", context=context)
            self.assertEqual(status, 200, version)

            clock = self.control("GET", "clock")
            past_not_after = parse_time(issued["notAfter"]) - parse_time(clock["now"]) + timedelta(minutes=1)
            moved = self.control("POST", "clock/advance", {"ms": int(past_not_after.total_seconds() * 1000)})
            self.assertGreater(parse_time(moved["now"]), parse_time(issued["notAfter"]))

            status, refusal = call(endpoint + "/version", context=context)
            self.assertEqual(status, 401, refusal)
            self.assertEqual(refusal["kind"], "Status")


def tls_context_of(kubeconfig, directory):
    """The kubeconfig's CA and client certificate as an ssl context (ssl reads keys from files only)."""
    cluster = kubeconfig["clusters"][0]["cluster"]
    user = kubeconfig["users"][0]["user"]
    paths = {}
    for name, data in (("ca", cluster["certificate-authority-data"]), ("cert", user["client-certificate-data"]), ("key", user["client-key-data"])):
        paths[name] = os.path.join(directory, name + ".pem")
        descriptor = os.open(paths[name], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(base64.b64decode(data))
    context = ssl.create_default_context(cafile=paths["ca"])
    context.load_cert_chain(paths["cert"], paths["key"])
    return context


if __name__ == "__main__":
    unittest.main()
