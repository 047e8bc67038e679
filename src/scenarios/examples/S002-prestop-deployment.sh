# S002-prestop-deployment: Deployment `prestop` behind a Service: a deleted pod stays Terminating for its 20 s preStop, without traffic
# zh: Service 后面的 Deployment `prestop`：被删除的 Pod 在 20 秒 preStop 期间保持 Terminating，且不再有流量
cat > prestop.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: prestop
  name: prestop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: prestop
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: prestop
    spec:
      containers:
      - image: quay.io/junkai/demo:1.0
        name: demo
        resources: {}
        lifecycle:
          postStart:
            exec:
              command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
          preStop:
            exec:
              command: ["sleep", "20"]
status: {}
EOF
kubectl apply -f prestop.yaml
kubectl expose deploy/prestop --port=8080
kubectl scale --replicas=2 deploy/prestop
sleep 15
kubectl get pods -l app=prestop -o wide
# The seed opens a shell with `kubectl exec -it POD sh`; the same check without the interactive shell:
kubectl exec deploy/prestop -- cat /usr/share/message
kubectl get svc prestop
# Ten requests to the Service spread over both pods.
ip=$(kubectl get svc prestop -o jsonpath='{.spec.clusterIP}'); for i in 1 2 3 4 5 6 7 8 9 10; do curl -s $ip:8080; done
kubectl delete pod $(kubectl get pods -l app=prestop -o jsonpath='{.items[0].metadata.name}') --wait=false
# A moment later: the deleted pod is Terminating and already out of the Service; its replacement is starting.
sleep 1
kubectl get pods -l app=prestop -o wide
kubectl get endpoints prestop
ip=$(kubectl get svc prestop -o jsonpath='{.spec.clusterIP}'); for i in 1 2 3 4 5 6 7 8 9 10; do curl -s $ip:8080; done
sleep 10
kubectl get pods -l app=prestop -o wide
kubectl get endpoints prestop
ip=$(kubectl get svc prestop -o jsonpath='{.spec.clusterIP}'); for i in 1 2 3 4 5 6 7 8 9 10; do curl -s $ip:8080; done
sleep 15
kubectl get pods -l app=prestop -o wide
