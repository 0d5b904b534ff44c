/*
 * main.c - P4JIT example application for an ESP32-P4 board.
 *
 * Mounts the SPIFFS partition with the programs (fs/ of this project) at
 * /fs, then starts P4JIT in a task of its own: app_main's task has 3.5 KB of
 * stack, the source compiler and the JIT need up to 23 KB (docs/espidf.md).
 * The task runs CONFIG_P4JIT_EXAMPLE_SCRIPT with --stats and --jit-report,
 * prints what it used of its stack and of the heap, then gives the console
 * to the REPL (`p4jit repl --echo`) until Ctrl-D.
 *
 * The task is pinned to CONFIG_P4JIT_EXAMPLE_TASK_CORE (core 1 by default):
 * PIE and FPU registers are saved per task and ESP-IDF pins a task to the
 * core of its first PIE/FPU instruction anyway. A long program keeps that
 * core busy, so its idle task cannot feed the task watchdog:
 * sdkconfig.defaults stops the watchdog from watching core 1's idle task
 * (CONFIG_ESP_TASK_WDT_CHECK_IDLE_TASK_CPU1=n); core 0's stays watched.
 * Compiled code runs only in this task, never in an interrupt handler.
 */
#include <stdio.h>

#include "esp_heap_caps.h"
#include "esp_spiffs.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "sdkconfig.h"

#if CONFIG_ESP_CONSOLE_UART
#include "driver/uart.h"
#include "driver/uart_vfs.h"
#endif

int p4jit_main(int argc, char **argv); /* cli/p4jit.c */

static void report_memory(const char *when)
{
    const uint32_t caps = MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL;
    size_t total = heap_caps_get_total_size(caps);
    printf("p4jit-example: %s: task stack never used %u of %u bytes; internal heap %u bytes, "
           "at most %u used so far\n",
           when, (unsigned)uxTaskGetStackHighWaterMark(NULL), (unsigned)CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE,
           (unsigned)total, (unsigned)(total - heap_caps_get_minimum_free_size(caps)));
}

/* A blocking stdin with the console's line endings, for the REPL. Without
 * the driver, ESP-IDF's UART stdin returns at once when nothing is there. */
static void console_for_input(void)
{
#if CONFIG_ESP_CONSOLE_UART
    setvbuf(stdin, NULL, _IONBF, 0);
    if (uart_driver_install(CONFIG_ESP_CONSOLE_UART_NUM, 256, 0, 0, NULL, 0) == ESP_OK) {
        uart_vfs_dev_port_set_rx_line_endings(CONFIG_ESP_CONSOLE_UART_NUM, ESP_LINE_ENDINGS_CR);
        uart_vfs_dev_port_set_tx_line_endings(CONFIG_ESP_CONSOLE_UART_NUM, ESP_LINE_ENDINGS_CRLF);
        uart_vfs_dev_use_driver(CONFIG_ESP_CONSOLE_UART_NUM);
    }
#endif
}

static void p4jit_task(void *arg)
{
    (void)arg;
    char *run_argv[] = {"p4jit", "run", "--stats", "--jit-report", CONFIG_P4JIT_EXAMPLE_SCRIPT, NULL};
    int rc = p4jit_main(5, run_argv);
    printf("p4jit-example: %s exited with status %d\n", CONFIG_P4JIT_EXAMPLE_SCRIPT, rc);
    report_memory("after the program");

    console_for_input();
    char *repl_argv[] = {"p4jit", "repl", "--echo", NULL}; /* a UART does not echo */
    p4jit_main(3, repl_argv);
    report_memory("after the REPL");
    vTaskDelete(NULL);
}

void app_main(void)
{
    esp_vfs_spiffs_conf_t fs = {
        .base_path = "/fs",
        .partition_label = "storage",
        .max_files = 4,
        .format_if_mount_failed = false,
    };
    esp_err_t err = esp_vfs_spiffs_register(&fs);
    if (err != ESP_OK)
        printf("p4jit-example: cannot mount the storage partition at /fs (error 0x%x); only the REPL will work\n",
               (unsigned)err);
    /* in ESP-IDF's FreeRTOS, stack sizes are in bytes */
    if (xTaskCreatePinnedToCore(p4jit_task, "p4jit", CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE, NULL, 5, NULL,
                                CONFIG_P4JIT_EXAMPLE_TASK_CORE) != pdPASS)
        printf("p4jit-example: cannot create the P4JIT task (%d bytes of stack)\n",
               CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE);
}
