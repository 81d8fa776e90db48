package acquirer
