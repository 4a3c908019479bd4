package org.pingji.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Attributes every console page's layout needs. */
@ControllerAdvice
class ConsoleModel {

    private final boolean demo;

    ConsoleModel(@Value("${pingji.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    /** True while the demo county is in use: the layout shows a "demo" banner. */
    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }
}
