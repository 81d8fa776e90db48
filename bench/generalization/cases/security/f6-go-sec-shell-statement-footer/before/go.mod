module github.com/acme/statements

go 1.22
