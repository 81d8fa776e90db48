package com.acme.payments;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentQueries {

    private static final String BY_REFERENCE =
            "SELECT p FROM Payment p WHERE p.merchantReference = '%s' ORDER BY p.createdAt DESC";

    @PersistenceContext
    private EntityManager em;

    public Payment byId(long id) {
        return em.find(Payment.class, id);
    }

    public List<Payment> byReference(String reference) {
        String jpql = String.format(BY_REFERENCE, reference);
        return em.createQuery(jpql, Payment.class).setMaxResults(50).getResultList();
    }
}
