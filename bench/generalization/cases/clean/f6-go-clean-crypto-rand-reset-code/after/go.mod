module github.com/acme/identity

go 1.22
