package com.acme.payee;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

@Component
public class BeneficiaryValidator {

    private static final Pattern IBAN = Pattern.compile("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$");
    private static final Pattern HOLDER_NAME = Pattern.compile("^([A-Za-z]+[ .'-]?)+$");

    public List<String> validate(NewBeneficiary request) {
        List<String> errors = new ArrayList<>();
        String iban = request.iban() == null ? "" : request.iban().replace(" ", "").toUpperCase();
        if (!IBAN.matcher(iban).matches()) {
            errors.add("iban");
        }
        if (request.holderName() == null || !HOLDER_NAME.matcher(request.holderName()).matches()) {
            errors.add("holderName");
        }
        return errors;
    }
}
