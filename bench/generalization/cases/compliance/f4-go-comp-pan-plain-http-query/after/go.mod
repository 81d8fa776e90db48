module github.com/acme/risk

go 1.22
