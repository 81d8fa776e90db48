module github.com/acme/partners

go 1.22
