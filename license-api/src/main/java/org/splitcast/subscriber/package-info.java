/** The API of subscribers: {@link org.splitcast.subscriber.SubscriberService} and its DTOs (implementation: ejb-license). */
package org.splitcast.subscriber;
