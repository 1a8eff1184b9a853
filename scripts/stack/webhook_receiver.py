"""An Alertmanager webhook receiver on 127.0.0.1: appends every body it is sent, one JSON object
per line, to RECEIVED, and answers 200. Writes the port it listens on to PORT_FILE.

usage: webhook_receiver.py PORT_FILE RECEIVED
"""

import http.server
import json
import os
import sys


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            message = json.loads(body)
        except ValueError:
            self.send_response(400)
        else:
            with open(self.server.received, "a") as out:
                out.write(json.dumps(message) + "\n")
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    port_file, received = sys.argv[1:]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received = received
    with open(port_file + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
