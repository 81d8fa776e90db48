module github.com/acme/apikeys

go 1.22
