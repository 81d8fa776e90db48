class PaymentClient {
    void settle(Batch batch) {
        // ruleid: eh-java-swallowed-catch
        try { gateway.post(batch); } catch (Exception e) {}
        // ruleid: eh-java-swallowed-catch
        try {
            gateway.post(batch);
        } catch (Throwable t) {
            // nothing we can do
        }
        // ruleid: eh-java-swallowed-catch
        try { gateway.post(batch); } catch (RuntimeException e) { } finally { close(); }
    }

    void careful(Batch batch) throws ServiceException {
        // ok: eh-java-swallowed-catch
        try { gateway.post(batch); } catch (Exception e) { log.error("settle failed", e); throw new ServiceException("settle", e); }
        // ok: eh-java-swallowed-catch
        try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        // ok: eh-java-swallowed-catch
        try { gateway.post(batch); } catch (IOException e) { retry(batch); }
    }
}
