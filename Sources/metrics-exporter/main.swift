print("metrics-exporter: not yet implemented")
