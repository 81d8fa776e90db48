module github.com/acme/notify

go 1.22
