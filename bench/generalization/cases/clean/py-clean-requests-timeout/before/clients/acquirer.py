import requests

CA_BUNDLE = "/etc/ssl/certs/acquirer-ca.pem"
