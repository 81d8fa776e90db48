module github.com/acme/merchants

go 1.22
