"""Local stand-ins for the platforms: moto, OpenBao, TLS fakes for Salesforce and Graph."""
