"""An Alertmanager webhook receiver on 127.0.0.1: appends every body it is sent, one JSON object
per line, to --out, and answers 200 (400 for a body that is not JSON).

usage: webhook_receiver.py --out FILE [--port PORT] [--port-file FILE]
  --port 0 (the default) takes a free port; --port-file then tells which.
"""

import argparse
import http.server
import json
import os


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            message = json.loads(body)
        except ValueError:
            self.send_response(400)
        else:
            with open(self.server.out, "a") as out:
                out.write(json.dumps(message) + "\n")
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Receiver)
    server.out = args.out
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as out:
            out.write(str(server.server_address[1]))
        os.replace(args.port_file + ".tmp", args.port_file)
    print(f"webhook receiver on http://127.0.0.1:{server.server_address[1]}/, appending to {args.out}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
