package com.acme.rules;

import java.util.Map;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;

@Component
public class RuleEvaluator {

    private final ExpressionParser parser = new SpelExpressionParser();

    public boolean matches(Rule rule, Map<String, Object> event) {
        if (rule.getCondition() == null || rule.getCondition().isBlank()) {
            return event.get("type").equals(rule.getEventType());
        }
        StandardEvaluationContext ctx = new StandardEvaluationContext(event);
        Expression expr = parser.parseExpression(rule.getCondition());
        return Boolean.TRUE.equals(expr.getValue(ctx, Boolean.class));
    }
}
