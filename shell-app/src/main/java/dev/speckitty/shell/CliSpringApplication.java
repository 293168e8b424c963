package dev.speckitty.shell;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.GenericTypeAwareAutowireCandidateResolver;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Spring Boot's application start-up, trimmed to what a CLI that reads no Spring property uses.
 * Each setting below was a measured share of every one-shot's CPU (docs/performance.md): Boot's
 * listeners (config-data loading of an application.properties, the environment post-processors,
 * the background pre-initialiser, the logging listener), the environment's conversion service and
 * the binding of {@code spring.main.*} properties, none of which can exist here.
 */
final class CliSpringApplication extends SpringApplication {

    CliSpringApplication() {
        super(SpecKittyApplication.class);
        setListeners(List.of());
        setInitializers(List.of());
        setBannerMode(Banner.Mode.OFF);
        setLogStartupInfo(false);
        // WebFlux is on the class path for the hosted adapters' client; this app never serves HTTP.
        setWebApplicationType(WebApplicationType.NONE);
        // A one-shot builds only the beans its command needs.
        setLazyInitialization(true);
        setAddConversionService(false);
        // Our arguments are commands, not Spring properties: "--json" must not become configuration.
        setAddCommandLineProperties(false);
        // Also when another main calls run (FastLaunchTraining): the Spring AOT initializer is this class's.
        setMainApplicationClass(SpecKittyApplication.class);
    }

    /**
     * Two annotation features no bean here uses, each a measured share of a one-shot's CPU
     * (docs/performance.md): the {@code @EventListener} method processor, which looked through every
     * bean's methods after start-up (30-35 ms; events to {@code ApplicationListener} beans still
     * work), and the {@code @Value}/{@code @Qualifier}/{@code @Lazy} lookups on every injection point
     * (~15 ms): beans are matched by type, generics included, as before.
     */
    @Override
    protected void refresh(ConfigurableApplicationContext context) {
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
            beanFactory.setAutowireCandidateResolver(new GenericTypeAwareAutowireCandidateResolver());
        }
        if (context instanceof BeanDefinitionRegistry registry) {
            for (String name : List.of(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME,
                    AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME)) {
                if (registry.containsBeanDefinition(name)) {
                    registry.removeBeanDefinition(name);
                }
            }
        }
        super.refresh(context);
    }

    /** No configuration file and no command-line properties: there is no {@code spring.main.*} to bind. */
    @Override
    protected void bindToSpringApplication(ConfigurableEnvironment environment) {
        // nothing to bind; Boot's binder would be set up for nothing
    }
}
