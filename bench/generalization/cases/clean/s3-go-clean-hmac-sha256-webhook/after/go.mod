module github.com/acme/webhooks

go 1.22
