module github.com/acme/reports

go 1.22
