package nl.recordsdesk.web;

import nl.recordsdesk.accounts.AccountsSliceConfiguration;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.Fees;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of any module needs beside its controller: the portal's one
 * security filter chain (not a slice bean, so not picked up by itself) with staff sign-in
 * (sign in with {@code @WithDeskUser}, {@code @WithPhysician}, {@code @WithAdmin} or
 * {@code @WithAuditor} from {@code nl.recordsdesk.accounts}) and the real rules.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, AccountsSliceConfiguration.class, EligibilityRules.class })
@EnableConfigurationProperties({ Fees.class, Hospital.class, RateLimitProperties.class })
public class WebSliceConfiguration {

}
