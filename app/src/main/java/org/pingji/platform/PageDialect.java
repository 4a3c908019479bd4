package org.pingji.platform;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * What every page formats the same way: {@code #times} (the {@link CountyTime} formatter: times
 * in the county's zone) and {@code #counts} (counts with thousands separators, 1,189).
 */
@Component
class PageDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final CountyTime times;
    private final Counts counts = new Counts();

    PageDialect(CountyTime times) {
        super("pingji-page");
        this.times = times;
    }

    /** Counts as Chinese ledgers print them: digits grouped by thousands with commas. */
    public static final class Counts {
        /** {@code 1189} → {@code 1,189}, {@code 95.333} → {@code 95.33}; null → empty; anything but a number as it is. */
        public String format(Object value) {
            return switch (value) {
                case null -> "";
                case Number n -> new java.text.DecimalFormat("#,##0.##").format(n);
                default -> value.toString();
            };
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("times", "counts");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return "times".equals(name) ? times : counts;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
