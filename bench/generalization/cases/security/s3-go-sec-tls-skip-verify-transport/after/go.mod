module github.com/acme/issuing

go 1.22
