module github.com/acme/importer

go 1.22
