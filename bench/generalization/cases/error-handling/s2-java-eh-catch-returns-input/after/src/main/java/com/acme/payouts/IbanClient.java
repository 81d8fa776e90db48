package com.acme.payouts;

public interface IbanClient {
    Result validate(String iban) throws ServiceException;

    record Result(String normalized, String bic) {}

    class ServiceException extends Exception {
        public ServiceException(String message) {
            super(message);
        }
    }
}
