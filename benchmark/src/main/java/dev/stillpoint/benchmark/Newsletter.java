package dev.stillpoint.benchmark;

/** The issue the benchmark publishes: the length and shape of a real quarterly letter. */
final class Newsletter {

    static final String MARKDOWN = """
            # Winter, quietly

            As the days shorten, many of you tell us you feel it in the body first: tight shoulders, shallow breath,
            sleep that does not quite restore. This letter gathers a few small practices for the season.

            ## Between sessions

            - **Drink water through the day**, not all at once: the tissues keep integrating for a couple of days.
            - Take a short walk after a session, and be gentle with yourself that evening.
            - Notice where you hold your breath. A long, slow exhale is enough.

            ## At the practice

            From January we open on Saturday mornings as well. Weekly series of 5 or 10 sessions can be booked online,
            and every confirmation email lets you move or cancel a session up to a day before.

            > "Stillness is where the body remembers how to heal." A client, after her tenth session.

            ## Reading

            1. *The Breathing Book*, on the diaphragm and the nervous system.
            2. A short [guide to hydration](https://stillpoint.example/hydration) we wrote for new clients.

            Warmly, the practice
            """;

    private Newsletter() {
    }

}
