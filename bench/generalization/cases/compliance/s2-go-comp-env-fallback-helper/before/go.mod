module github.com/acme/settlement

go 1.22
