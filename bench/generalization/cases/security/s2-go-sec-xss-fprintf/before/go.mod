module github.com/acme/mailing

go 1.22
