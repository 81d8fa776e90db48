module github.com/acme/core-banking

go 1.22
