# S000-sts-update: StatefulSet updates: highest ordinal first, partition, OnDelete, and the forced rollback of a broken pod
# zh: StatefulSet 更新：从最大序号开始、分区、OnDelete，以及损坏 Pod 的强制回滚
# The seed explains these strategies in prose; the commands below apply them to the seed's StatefulSet `app`.
cat > app-sts.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: app
  labels:
    app: app
spec:
  selector:
    app: app
  clusterIP: None
  ports:
    - name: default
      protocol: TCP
      port: 8080
      targetPort: 8080
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: app
spec:
  selector:
    matchLabels:
      app: app
  serviceName: "app"
  replicas: 3
  template:
    metadata:
      labels:
        app: app
    spec:
      terminationGracePeriodSeconds: 10
      containers:
        - name: app
          image: app:1.0.3
          imagePullPolicy: Never
          ports:
            - containerPort: 8080
              name: app
EOF
kubectl apply -f app-sts.yaml
sleep 20
# 滚动更新: app-2 first, then app-1, then app-0, each once its successor is Running and Ready again.
kubectl set image statefulset/app app=app:1.0.2
kubectl rollout status statefulset/app
kubectl get pods -l app=app -o custom-columns='NAME:.metadata.name,IMAGE:.spec.containers[0].image,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime'
# 分区: only ordinals >= 2 take the new template; a deleted app-1 comes back on the old one.
kubectl patch statefulset app -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl set image statefulset/app app=app:1.0.1
sleep 20
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl delete pod app-1
sleep 15
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl get statefulset app -o jsonpath='{.status.updatedReplicas} {.status.currentReplicas}'
kubectl patch statefulset app -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
sleep 30
kubectl get pods -l app=app -o custom-columns='NAME:.metadata.name,IMAGE:.spec.containers[0].image,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime'
# OnDelete: a template change waits until the user deletes a pod.
kubectl patch statefulset app -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl set image statefulset/app app=app:1.0.0
sleep 20
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl rollout status statefulset/app
kubectl delete pod app-0
sleep 15
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
# 强制回滚: back to RollingUpdate (app-2 and app-1 catch up with app:1.0.0), then a template that cannot run.
kubectl patch statefulset app -p '{"spec":{"updateStrategy":{"type":"RollingUpdate"}}}'
sleep 30
kubectl set image statefulset/app app=app:1.0.9
sleep 30
kubectl get pods -l app=app
# Restoring the template is not enough: the controller keeps waiting for the broken app-2 to become Ready.
kubectl set image statefulset/app app=app:1.0.0
sleep 30
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
# Deleting the broken pod lets the controller recreate it from the restored template.
kubectl delete pod app-2
sleep 15
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
kubectl get pods -l app=app
