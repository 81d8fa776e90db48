module github.com/acme/merchant-api

go 1.22
