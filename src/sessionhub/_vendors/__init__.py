"""One private module per vendor: the client class, its sessions resource, and the glue
to that vendor's generated package. Only these modules import `_sessionhub_generated`."""
