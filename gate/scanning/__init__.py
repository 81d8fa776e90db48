"""Scanner adapters. The registry is a plain dict: name -> factory."""
