package com.acme.payments;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentQueries {


    @PersistenceContext
    private EntityManager em;

    public Payment byId(long id) {
        return em.find(Payment.class, id);
    }
}
