module github.com/acme/receipts

go 1.22
